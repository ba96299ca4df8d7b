package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What erasure does per {@link DataCategory} (DELETE, ANONYMISE, or RETAIN with a basis and an end
 * date), which ticket types are kept for a statutory period (e.g. payroll records), whether a
 * service contract in force keeps the person's tickets of that organisation, and the token that
 * overwrites the name. Immutable; build with {@link #builder()} or take {@link #standard()}.
 *
 * <p>Per category: {@code CONTACT_IDENTITY} and {@code CONTACT_CHANNELS} — DELETE and ANONYMISE both
 * overwrite the name and remove addresses and numbers (the contact id stays, tickets refer to it),
 * and consent records and memberships are deleted; {@code TICKET_TEXT} — ANONYMISE redacts subjects
 * and bodies, DELETE removes the person's closed tickets (open ones are handed over and redacted;
 * other people's tickets are always redacted, never deleted); {@code ATTACHMENTS} — DELETE removes
 * the attachments of the person's tickets, ANONYMISE redacts text attachments and removes the
 * others (binary content cannot be searched); {@code HISTORY_VALUES} — DELETE and ANONYMISE both
 * redact the values (the history is append-only).
 *
 * @since 0.1
 */
public final class ErasurePolicy {
    private static final ErasurePolicy STANDARD = builder().build();

    private final Map<DataCategory, ErasureAction> actions;
    private final Map<DataCategory, Retention> retentions;
    private final Map<String, TypeRetention> types;
    private final boolean contractIsBasis;
    private final String replacement;

    /** A ticket type kept for {@code period} after its last change, on {@code basis}. */
    public record TypeRetention(String typeId, LegalBasis basis, String reason, Period period) {
        public TypeRetention {
            Require.name(typeId, "ticket type id");
            Require.nonNull(basis, "legal basis");
            reason = Require.notBlank(reason, "retention reason").strip();
            Require.nonNull(period, "period");
        }

        /** The retention of a ticket last changed on {@code lastChanged}. */
        public Retention retentionFrom(LocalDate lastChanged) {
            return new Retention(basis, reason, Optional.of(lastChanged.plus(period)));
        }
    }

    private ErasurePolicy(Builder b) {
        this.actions = Map.copyOf(b.actions);
        this.retentions = Map.copyOf(b.retentions);
        this.types = Map.copyOf(b.types);
        this.contractIsBasis = b.contractIsBasis;
        this.replacement = b.replacement;
    }

    /** ANONYMISE everything, DELETE attachments, keep tickets of an organisation with a contract in force. */
    public static ErasurePolicy standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ErasureAction action(DataCategory category) {
        return actions.get(Require.nonNull(category, "category"));
    }

    /** The basis of a category whose action is RETAIN. */
    public Optional<Retention> retention(DataCategory category) {
        return Optional.ofNullable(retentions.get(Require.nonNull(category, "category")));
    }

    public Optional<TypeRetention> typeRetention(String typeId) {
        return Optional.ofNullable(types.get(Require.nonNull(typeId, "ticket type id")));
    }

    public boolean contractIsBasis() {
        return contractIsBasis;
    }

    /** What overwrites the person's name and other found data; {@link Redactor#DEFAULT_REPLACEMENT} unless set. */
    public String replacement() {
        return replacement;
    }

    @Override
    public String toString() {
        return "ErasurePolicy" + actions + ", retained types " + types.keySet() + ", contract is basis "
                + contractIsBasis;
    }

    /** Configures an {@link ErasurePolicy}; each option is checked when set. */
    public static final class Builder {
        private final Map<DataCategory, ErasureAction> actions = new EnumMap<>(DataCategory.class);
        private final Map<DataCategory, Retention> retentions = new EnumMap<>(DataCategory.class);
        private final Map<String, TypeRetention> types = new LinkedHashMap<>();
        private boolean contractIsBasis = true;
        private String replacement = Redactor.DEFAULT_REPLACEMENT;
        private boolean replacementSet;

        private Builder() {
            for (DataCategory c : DataCategory.values()) {
                actions.put(c, c == DataCategory.ATTACHMENTS ? ErasureAction.DELETE : ErasureAction.ANONYMISE);
            }
        }

        /** DELETE or ANONYMISE the category; use {@link #retain} to keep it. */
        public Builder action(DataCategory category, ErasureAction action) {
            Require.nonNull(category, "category");
            Require.nonNull(action, "action");
            if (action == ErasureAction.RETAIN) {
                throw PrivacyMessages.retainWithoutBasis(category);
            }
            actions.put(category, action);
            retentions.remove(category);
            return this;
        }

        /** Keeps the category on a legal basis until a day (or while the basis lasts). */
        public Builder retain(DataCategory category, Retention retention) {
            Require.nonNull(category, "category");
            Require.nonNull(retention, "retention");
            actions.put(category, ErasureAction.RETAIN);
            retentions.put(category, retention);
            return this;
        }

        /**
         * Keeps the person's tickets of one type (subjects, bodies, history, attachments) for a
         * statutory period after their last change, e.g. payroll records.
         */
        public Builder retainType(String typeId, LegalBasis basis, String reason, Period period) {
            TypeRetention retention = new TypeRetention(typeId, basis, reason, period);
            if (period.isNegative() || period.isZero()) {
                throw PrivacyMessages.typeRetentionNotPositive(typeId, period);
            }
            if (basis == LegalBasis.CONSENT) {
                throw PrivacyMessages.typeRetainedOnConsent(typeId);
            }
            if (types.putIfAbsent(typeId, retention) != null) {
                throw PrivacyMessages.typeRetentionTwice(typeId);
            }
            return this;
        }

        /** Whether a service contract in force keeps the person's tickets of that organisation (default true). */
        public Builder contractIsBasis(boolean value) {
            contractIsBasis = value;
            return this;
        }

        /** The token that overwrites the name (default {@code xxxxxx}); checked as {@link Redactor} checks it. */
        public Builder replacement(String token) {
            if (replacementSet) {
                throw PrivacyMessages.erasureReplacementTwice();
            }
            Redactor.builder().replacement(token).build(); // the same rules as the redactor, at once
            replacement = token;
            replacementSet = true;
            return this;
        }

        public ErasurePolicy build() {
            return new ErasurePolicy(this);
        }
    }
}
