package dev.tiketti.mail.internal;

import dev.tiketti.core.common.TicketingException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Tells a failure to send that may pass (no connection, a timeout, a 4xx reply: retryable
 * {@code MAIL_SERVER_UNAVAILABLE}, so the outbox tries again) from one that will not (a 5xx reply:
 * {@code MAIL_DELIVERY_REFUSED}; refused credentials: {@code MAIL_AUTHENTICATION_FAILED}).
 *
 * <p>jakarta.mail's exceptions quote the server's reply, which names the refused address, so they
 * are never attached as causes: only a network exception underneath (a refused connection, a
 * timeout), which names at most the server. Not API.
 */
public final class SmtpFailures {
    private SmtpFailures() {
    }

    /** {@code what} names the mail ("the REPLY about HR-1042"); {@code server} is {@code host:port}. */
    public static TicketingException translate(MessagingException e, String what, String server) {
        if (e instanceof AuthenticationFailedException) {
            return SmtpProblems.authenticationFailed(what, server);
        }
        Optional<Throwable> network = network(e);
        if (e instanceof MailConnectException) {
            return SmtpProblems.serverUnreachable(what, server, network.orElse(null));
        }
        int code = 0;
        String stage = "DATA";
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int c = 0;
            String s = null;
            if (x instanceof SMTPAddressFailedException a) {
                c = a.getReturnCode();
                s = "RCPT TO";
            } else if (x instanceof SMTPSenderFailedException f) {
                c = f.getReturnCode();
                s = "MAIL FROM";
            } else if (x instanceof SMTPSendFailedException f) {
                c = f.getReturnCode();
                s = "DATA";
            }
            if (c >= 500 && c < 600) {
                return SmtpProblems.rejected(what, server, c, s);
            }
            if (c >= 400 && code == 0) {
                code = c;
                stage = s;
            }
            if (x == x.getCause()) {
                break;
            }
        }
        if (code != 0) {
            return SmtpProblems.serverRefusedForNow(what, server, code, stage);
        }
        return network.isPresent() ? SmtpProblems.serverSilent(what, server, network.get())
                : SmtpProblems.serverFailed(what, server, e.getClass().getSimpleName());
    }

    private static Optional<Throwable> network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return Optional.of(t);
            }
            if (t instanceof MessagingException m && m.getNextException() instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }
}
