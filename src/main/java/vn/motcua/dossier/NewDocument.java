package vn.motcua.dossier;

/** A document (thành phần hồ sơ) handed in with a registration: its name, number of copies and a note. */
public record NewDocument(String name, int copies, String note) {}
