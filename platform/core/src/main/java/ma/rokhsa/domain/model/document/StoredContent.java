package ma.rokhsa.domain.model.document;

public record StoredContent(String sha256, long size, String mediaType) {}
