package dev.kept.publish;

/** The site could not be published; the message says why in words a user can act on. */
public final class PublishException extends Exception {
  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }

  public PublishException(String message) {
    super(message);
  }
}
