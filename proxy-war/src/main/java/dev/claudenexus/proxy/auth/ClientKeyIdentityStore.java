package dev.claudenexus.proxy.auth;

import dev.claudenexus.credentials.ClientKeys;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Validates client keys against the {@code client_api_key} of the domain's credential file, and
 * against replaced keys whose grace period has not ended.
 */
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
    Optional<CredentialFile> file = credentials.forDomain(clientKey.domain());
    if (file.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    // Every accepted key is compared, so the time taken does not reveal which one matched.
    boolean matched = false;
    for (String accepted : file.get().acceptedClientKeys(System.currentTimeMillis())) {
      matched |= ClientKeys.matches(clientKey.key(), accepted);
    }
    return matched
        ? new CredentialValidationResult(clientKey.domain(), Set.of(CLIENT_ROLE))
        : CredentialValidationResult.INVALID_RESULT;
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE);
  }
}
