package vn.motcua.dossier;

/** One document of a dossier (thành phần hồ sơ). */
public record DossierDocument(long id, int position, String name, int copies, DocumentState state, String note) {}
