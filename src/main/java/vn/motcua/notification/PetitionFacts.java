package vn.motcua.notification;


/**
 * What a message to a petitioner says: the notice as the petition's history has it, the petition's code and
 * subject, and the public page; the contact details only to address it (docs/notifications.md, "Petitions").
 *
 * @param text the notice's text (who did what, the answer in full)
 * @param followUrl the public petition page with the code filled in ({@code /phan-anh/?ma=<code>})
 */
public record PetitionFacts(
    PetitionNotice.Kind kind,
    String petitionCode,
    String subject,
    String petitionerName,
    String phone,
    String email,
    String text,
    String followUrl) {}
