package dev.claudenexus.proxy.clientsetup;

import dev.claudenexus.proxy.ProxySettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /client-setup/{file}} serves a file of {@code CLIENT_SETUP_DIR} with a content type by
 * extension and {@code Cache-Control: public, max-age=3600}. It returns 400 "Invalid filename" for a
 * name that could leave the directory and 404 "File not found" for a missing file.
 */
@Path("client-setup")
public class ClientSetupResource {

  private static final Logger LOG = Logger.getLogger(ClientSetupResource.class.getName());

  @Inject ProxySettings settings;

  @GET
  @Path("{file}")
  public Response get(@PathParam("file") String name) {
    Optional<java.nio.file.Path> file;
    try {
      file = new ClientSetupFiles(settings.clientSetupDirectory()).find(name);
    } catch (IllegalArgumentException e) {
      return text(400, "Invalid filename");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Reading the client-setup directory failed", e);
      return text(500, "Reading the file failed");
    }
    if (file.isEmpty()) {
      return text(404, "File not found");
    }
    try {
      byte[] content = Files.readAllBytes(file.get());
      return Response.ok(content, ClientSetupFiles.contentType(name))
          .header("Cache-Control", "public, max-age=3600")
          .build();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Reading the client-setup file " + file.get() + " failed", e);
      return text(500, "Reading the file failed");
    }
  }

  private static Response text(int status, String message) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
  }
}
