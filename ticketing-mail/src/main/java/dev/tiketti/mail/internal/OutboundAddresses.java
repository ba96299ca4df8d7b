package dev.tiketti.mail.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * OutboundAddresses and display names made safe for headers: an address is taken only as a bare
 * {@code local@domain} that jakarta.mail parses strictly, so no line break, second address or
 * display name can ride along; a display name loses its line breaks and control characters and is
 * RFC 2047-encoded by jakarta.mail when it is not ASCII. Not API.
 */
public final class OutboundAddresses {
    private static final int MAX_ADDRESS = 254;

    private OutboundAddresses() {
    }

    /** The address if {@code address} is exactly one bare address; empty otherwise. */
    public static Optional<InternetAddress> bare(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_ADDRESS
                || address.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',')) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || parsed.isGroup() || !address.equals(parsed.getAddress())
                    || address.indexOf('@') < 1 || address.indexOf('@') != address.lastIndexOf('@')) {
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** {@code address} with {@code displayName} cleaned to one line (encoded by jakarta.mail if not ASCII). */
    public static InternetAddress named(InternetAddress address, String displayName) {
        String name = OutboundHeaders.oneLine(displayName);
        try {
            return name.isEmpty() ? new InternetAddress(address.getAddress(), null, StandardCharsets.UTF_8.name())
                    : new InternetAddress(address.getAddress(), name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java platform has UTF-8", e);
        }
    }

    /** The form the loop brake counts and compares by. */
    public static String normalised(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
