package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import java.time.Instant;

/**
 * The mark of an address that bounces: when it failed first and last, how often, and the DSN
 * status of the latest failure. Set by {@link MailStore#markFailing} from delivery status
 * notifications; the mail module stops or slows automatic mails to a marked address.
 *
 * @param address    lower-cased (see {@link MailStore#address})
 * @param failures   how many failures were recorded, at least 1
 * @param lastStatus the DSN status of the latest failure, e.g. {@code 5.1.1}
 * @since 0.1
 */
public record AddressFailure(String address, Instant firstFailedAt, Instant lastFailedAt, int failures,
                             String lastStatus) {

    /** The longest DSN status a store must keep (RFC 3463's {@code class.subject.detail} is at most 9). */
    public static final int MAX_STATUS_LENGTH = 32;

    public AddressFailure {
        address = MailStore.address(address);
        Require.nonNull(firstFailedAt, "first failed at");
        Require.nonNull(lastFailedAt, "last failed at");
        Require.argument(!lastFailedAt.isBefore(firstFailedAt), () -> StoreProblems.mailFailureTimes());
        Require.argument(failures >= 1, () -> StoreProblems.mailFailureCount(failures));
        lastStatus = status(lastStatus);
    }

    /** A DSN status as stores accept it: not blank, at most {@link #MAX_STATUS_LENGTH} characters. */
    static String status(String status) {
        Require.notBlank(status, "delivery status");
        String s = status.strip();
        Require.argument(s.length() <= MAX_STATUS_LENGTH, () -> StoreProblems.mailStatusTooLong(s.length()));
        return s;
    }
}
