package vn.motcua.dossier;

/**
 * The applicant (người nộp hồ sơ) as written on forms 01–04.
 *
 * @param name full name, NFC-normalised
 * @param idNumber personal identification number (12-digit citizen ID) or, for organisations, the
 *     10- or 13-digit enterprise/tax code
 * @param phone Vietnamese phone number, digits only, leading 0
 * @param email e-mail address, optional
 * @param address address
 * @param representative authorised representative (người được ủy quyền), optional
 */
public record Applicant(
    String name, String idNumber, String phone, String email, String address, String representative) {}
