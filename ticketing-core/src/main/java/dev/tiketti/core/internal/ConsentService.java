package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentAnswer;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.Consents;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.PurposeId;
import java.util.Optional;

/** The {@link Consents} area over the register's consent rules and the consent-request flow. Not API. */
public final class ConsentService implements Consents {
    private final CustomerRegister register;
    private final ConsentRequests requests;
    private final PrivacyRules rules;
    private final TrackedTransactions transactions;

    public ConsentService(CustomerRegister register, ConsentRequests requests, PrivacyRules rules,
                          TrackedTransactions transactions) {
        this.register = register;
        this.requests = requests;
        this.rules = rules;
        this.transactions = transactions;
    }

    @Override
    public ConsentPurpose registerPurpose(ConsentPurpose purpose) {
        return transactions.inTransaction(() -> register.registerPurpose(purpose));
    }

    @Override
    public Consent record(ContactId contact, PurposeId purpose, LegalBasis basis, String text, String textVersion,
                          Channel channel, Optional<String> evidence) {
        return transactions.inTransaction(() -> register.record(contact, purpose, basis, text, textVersion, channel,
                evidence));
    }

    @Override
    public Consent withdraw(ConsentId id) {
        return transactions.inTransaction(() -> register.withdraw(id));
    }

    @Override
    public Consent requireBasis(ContactId contact, PurposeId purpose) {
        return register.requireBasis(contact, purpose);
    }

    @Override
    public Optional<PurposeId> legalBasisRule() {
        return rules.basisRule();
    }

    @Override
    public Optional<String> privacyNoticeUrl() {
        return rules.noticeUrl();
    }

    @Override
    public ConsentRequest request(ContactId contact, PurposeId purpose, String text, String textVersion,
                                  Actor requestedBy) {
        return requests.request(contact, purpose, text, textVersion, requestedBy);
    }

    @Override
    public ConsentRequest request(String email, PurposeId purpose, String text, String textVersion,
                                  Actor requestedBy) {
        return requests.request(email, purpose, text, textVersion, requestedBy);
    }

    @Override
    public ConsentRequest answer(String token, ConsentAnswer answer) {
        return requests.answer(token, answer);
    }
}
