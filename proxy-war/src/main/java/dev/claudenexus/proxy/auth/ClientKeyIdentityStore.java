package dev.claudenexus.proxy.auth;

import dev.claudenexus.credentials.ClientKeys;
import dev.claudenexus.proxy.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/** Validates client keys against the {@code client_api_key} of the domain's credential file. */
@ApplicationScoped
public class ClientKeyIdentityStore implements IdentityStore {

  /** The role of every authenticated proxy client. */
  public static final String CLIENT_ROLE = "client";

  @Inject CredentialStore credentials;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof ClientKeyCredential clientKey)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<String> expected =
        credentials.forDomain(clientKey.domain()).flatMap(CredentialFile::clientKey);
    if (expected.isEmpty() || !ClientKeys.matches(clientKey.key(), expected.get())) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(clientKey.domain(), Set.of(CLIENT_ROLE));
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE);
  }
}
