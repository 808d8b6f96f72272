package vn.motcua.files;

/**
 * A file written to the store: where ({@code storageKey}), its SHA-256 in hex and its size in bytes.
 */
public record StoredFile(String storageKey, String sha256, long size) {}
