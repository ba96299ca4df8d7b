package dev.tiketti.benchmarks.mail;

/** What each contender must get out of a mail: the sender's address, the decoded subject, the plain text. */
public record ParsedMail(String from, String subject, String text) {
    /** The same with line breaks as LF and the text stripped, so contenders compare equal. */
    public ParsedMail normalised() {
        return new ParsedMail(from, subject, text.replace("\r\n", "\n").strip());
    }
}
