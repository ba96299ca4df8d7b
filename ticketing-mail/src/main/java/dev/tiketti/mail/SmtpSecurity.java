package dev.tiketti.mail;

/**
 * How the SMTP transport protects its connection to the server.
 *
 * @since 0.1
 */
public enum SmtpSecurity {
    /** Plain text, no TLS: only for a test server on the loopback interface. Default port 25. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS, which the server must offer (submission). Default port 587. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS, RFC 8314 implicit TLS). Default port 465. */
    TLS(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port used when none is set. */
    public int defaultPort() {
        return defaultPort;
    }
}
