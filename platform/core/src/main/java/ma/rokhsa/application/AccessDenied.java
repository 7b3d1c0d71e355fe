package ma.rokhsa.application;

/**
 * The caller is known and may see the resource, but may not do this (a supervisor writing, an agent
 * acting outside its role). Interfaces answer 403. A caller who may not even see a tenant is told
 * it does not exist (404) instead.
 */
public class AccessDenied extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessDenied(String message) {
    super(message);
  }
}
