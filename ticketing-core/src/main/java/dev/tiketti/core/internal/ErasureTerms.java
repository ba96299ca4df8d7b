package dev.tiketti.core.internal;

import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PersonalDataKind;
import dev.tiketti.core.privacy.Redactor;
import dev.tiketti.core.ticket.Ticket;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The erased person's identifying terms as they stand in the stores, and the redactors that remove
 * them from ticket content. Not API.
 */
final class ErasureTerms {
    private static final Redactor HETU = Redactor.builder().detect(PersonalDataKind.HETU).build();
    private static final Redactor PHONE = Redactor.builder().detect(PersonalDataKind.PHONE).build();

    private final Contact person;
    private final String replacement;

    ErasureTerms(Contact person, String replacement) {
        this.person = person;
        this.replacement = replacement;
    }

    /**
     * The person's identifying terms: name (unless already overwritten), addresses, numbers as
     * registered, every other spelling of those numbers found in any ticket ({@code 040-123 4567}
     * for {@code +358 40 123 4567}), and the HETUs found in the person's own tickets (the register
     * holds none). Only texts not yet scrubbed still hold a spelling, and those are exactly the
     * texts it must be removed from, so a resumed run finds what it needs.
     */
    Set<String> find(List<Ticket> all, Predicate<Ticket> own, Function<Ticket, List<String>> texts) {
        Set<String> terms = new LinkedHashSet<>();
        if (!person.name().equalsIgnoreCase(replacement)) {
            terms.add(person.name());
        }
        terms.addAll(person.emails());
        terms.addAll(person.phones());
        Set<String> numbers = new HashSet<>();
        person.phones().forEach(p -> numbers.add(nationalDigits(p)));
        for (Ticket t : all) {
            boolean ownTicket = own.test(t);
            for (String text : texts.apply(t)) {
                if (ownTicket) {
                    HETU.scan(text).forEach(f -> terms.add(text.substring(f.start(), f.end())));
                }
                if (!numbers.isEmpty()) {
                    PHONE.scan(text).stream().map(f -> text.substring(f.start(), f.end()))
                            .filter(found -> numbers.contains(nationalDigits(found))).forEach(terms::add);
                }
            }
        }
        return terms;
    }

    /**
     * Removes the terms and, with {@code patterns} (the person's own tickets), every e-mail address,
     * phone number, HETU and IBAN too; without (others' tickets), only the terms, and is null when
     * none of them is long enough to be searched for.
     */
    Redactor redactor(Set<String> terms, boolean patterns) {
        Redactor.Builder b = Redactor.builder().replacement(replacement);
        Set<String> all = new LinkedHashSet<>();
        for (String term : terms) {
            all.add(term);
            if (term.equals(person.name())) {
                all.addAll(List.of(term.strip().split("[\\s\\-]+"))); // each part, as personName does
            }
        }
        for (String term : all) {
            // a term the token itself would match (a person called Xxxxxx) would make redaction loop
            if (term.strip().length() >= Redactor.MIN_TERM_LENGTH
                    && !term.strip().equalsIgnoreCase(replacement)) {
                b.knownTerm(term);
            }
        }
        if (all.stream().noneMatch(t -> t.strip().length() >= Redactor.MIN_TERM_LENGTH
                && !t.strip().equalsIgnoreCase(replacement))) {
            terms = Set.of();
        }
        if (!patterns) {
            if (terms.isEmpty()) {
                return null;
            }
            b.detect(PersonalDataKind.KNOWN_TERM);
        }
        return b.build();
    }

    /** A phone number's digits in the national form: {@code +358 40 123 4567} and {@code 040-123 4567} agree. */
    private static String nationalDigits(String phone) {
        String digits = phone.replaceAll("\\(0\\)", "").replaceAll("[^0-9]", "");
        if (digits.startsWith("00358")) {
            return "0" + digits.substring(5);
        }
        if (phone.strip().startsWith("+358") && digits.startsWith("358")) {
            return "0" + digits.substring(3);
        }
        return digits;
    }
}
