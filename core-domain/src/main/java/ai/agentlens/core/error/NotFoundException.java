package ai.agentlens.core.error;

/**
 * A mutation names a row that does not exist in the given org (or is not visible to it, which for a
 * tenant is the same thing; HTTP 404). Reads never throw it: they return empty results.
 */
public final class NotFoundException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was not found
   */
  public NotFoundException(String message) {
    super(message, null);
  }
}
