package ma.rokhsa.domain.model.document;

public interface ContentStore {
  StoredContent put(java.io.InputStream in, long maxBytes) throws ContentTooLarge;

  java.io.InputStream open(String sha256) throws java.io.IOException;

  boolean contains(String sha256);

  java.util.stream.Stream<String> list() throws java.io.IOException;
}
