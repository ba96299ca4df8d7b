package dev.tiketti.core.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.PurposeId;
import java.util.Optional;

/**
 * The privacy settings that ticket changes obey: the optional rule "no contact without a legal
 * basis" and the privacy-notice URL offered to templates. Not API.
 */
public final class PrivacyRules {
    private final Optional<PurposeId> basisRule;
    private final Optional<String> noticeUrl;
    private final CustomerRegister register;

    public PrivacyRules(Optional<PurposeId> basisRule, Optional<String> noticeUrl, CustomerRegister register) {
        this.basisRule = basisRule;
        this.noticeUrl = noticeUrl;
        this.register = register;
    }

    /** Fails with NO_LEGAL_BASIS (or CONSENT_WITHDRAWN) when the rule is on and the contact has no basis. */
    public void checkBasis(ContactId contact) {
        basisRule.ifPresent(purpose -> register.requireBasis(contact, purpose));
    }

    public Optional<PurposeId> basisRule() {
        return basisRule;
    }

    public Optional<String> noticeUrl() {
        return noticeUrl;
    }
}
