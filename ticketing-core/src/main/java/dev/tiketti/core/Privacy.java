package dev.tiketti.core;

import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.internal.ConsentRequests;
import dev.tiketti.core.internal.CustomerRegister;
import dev.tiketti.core.internal.Dispatcher;
import dev.tiketti.core.internal.ErasureEngine;
import dev.tiketti.core.internal.Require;
import dev.tiketti.core.internal.RetentionSweeper;
import dev.tiketti.core.privacy.AccessExport;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentAnswer;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.privacy.RetentionSchedule;
import dev.tiketti.core.privacy.RetentionSweepReport;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data protection on a {@link Ticketing} (R8), from {@link Ticketing#privacy()}: the customer
 * register (organisations, memberships), consent and consent requests, audited reads of contacts,
 * erasure, retention sweeps and the access export. Immutable and thread-safe like the facade.
 *
 * <p>Reads of personal data name an actor and a registered purpose and are recorded in the
 * {@link dev.tiketti.core.spi.AuditLog}; {@link #accessesTo} answers "who accessed contact X".
 *
 * @since 0.1
 */
public final class Privacy {
    private static final Logger LOG = LoggerFactory.getLogger(Privacy.class);

    private final ErasureEngine.Stores stores;
    private final CustomerRegister register;
    private final ErasureEngine erasure;
    private final RetentionSweeper sweeper;
    private final ErasurePolicy policy;
    private final Optional<PurposeId> basisRule;
    private final Optional<String> noticeUrl;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final ConsentRequestStore requestStore;
    private final ConsentRequests requests;

    Privacy(ErasureEngine.Stores stores, Clock clock, ErasureEngine.CategoryOfState categories, ErasurePolicy policy,
            Optional<PurposeId> basisRule, Optional<String> noticeUrl, Dispatcher dispatcher,
            ConsentRequestStore requestStore, java.util.function.Function<CustomerRegister, ConsentRequests> flow) {
        this.stores = stores;
        this.clock = clock;
        this.register = new CustomerRegister(stores.contacts(), stores.organizations(), stores.consents(), clock);
        this.requestStore = requestStore;
        this.requests = flow.apply(register);
        this.erasure = new ErasureEngine(stores, clock, categories);
        this.sweeper = new RetentionSweeper(stores, clock, categories);
        this.policy = policy;
        this.basisRule = basisRule;
        this.noticeUrl = noticeUrl;
        this.dispatcher = dispatcher;
    }

    // ---------------------------------------------------------------- register

    /** Adds or replaces a contact; a substitute it names must be registered and active. */
    public Contact registerContact(Contact contact) {
        Contact saved = tx(() -> register.saveContact(contact));
        stores.search().refreshRequester(saved.id()); // their addresses are in their tickets' search documents
        return saved;
    }

    /** Adds or replaces an organisation; a default substitute must be registered and active. */
    public Organization registerOrganization(Organization organization) {
        return tx(() -> register.saveOrganization(organization));
    }

    public Optional<Organization> organization(OrganizationId id) {
        return stores.organizations().find(Require.nonNull(id, "organization id"));
    }

    /** Adds or replaces the membership of a registered contact in a saved organisation. */
    public Membership addMembership(Membership membership) {
        return tx(() -> register.saveMembership(membership));
    }

    public List<Membership> memberships(ContactId contact) {
        return stores.organizations().membershipsOf(Require.nonNull(contact, "contact id"));
    }

    /** Who takes over the contact's open tickets (their substitute or their organisation's default). */
    public Optional<ContactId> substituteFor(ContactId contact) {
        return register.substituteFor(contact);
    }

    // ---------------------------------------------------------------- consent

    public ConsentPurpose registerPurpose(ConsentPurpose purpose) {
        return tx(() -> register.registerPurpose(purpose));
    }

    /** Records a legal basis of a registered contact for a registered purpose, timed by the clock. */
    public Consent recordConsent(ContactId contact, PurposeId purpose, LegalBasis basis, String text,
                                 String textVersion, Channel channel, Optional<String> evidence) {
        return tx(() -> register.record(contact, purpose, basis, text, textVersion, channel, evidence));
    }

    /** Withdraws a consent now; withdrawing again keeps the first time. */
    public Consent withdrawConsent(ConsentId id) {
        return tx(() -> register.withdraw(id));
    }

    /** The record in effect that allows processing the contact's data for the purpose, or a clear error. */
    public Consent requireBasis(ContactId contact, PurposeId purpose) {
        return register.requireBasis(contact, purpose);
    }

    /** The purpose that opening tickets and sending to contacts needs a basis for, if the rule is on. */
    public Optional<PurposeId> legalBasisRule() {
        return basisRule;
    }

    /** The privacy-notice URL offered to templates as {@code {privacyNoticeUrl}}, if configured. */
    public Optional<String> privacyNoticeUrl() {
        return noticeUrl;
    }

    // ---------------------------------------------------------------- consent requests

    /**
     * Mails a registered, active contact (to their first address) through the outbound transport,
     * asking them to check their contact details and to consent to a registered purpose with the
     * given wording, using the configured template and a new single-use reply token that expires
     * after the configured validity. The wording and version sent are what an answer records.
     * Bad input (unknown contact or purpose, an inactive contact or one without an address) fails
     * before anything is kept; if the transport fails nothing is kept either
     * ({@code CONSENT_REQUEST_NOT_SENT}, retryable).
     */
    public ConsentRequest requestConsent(ContactId contact, PurposeId purpose, String text, String textVersion,
                                         Actor requestedBy) {
        return requests.request(contact, purpose, text, textVersion, requestedBy);
    }

    /**
     * As above for an e-mail address: the registered contact with that address if there is one,
     * else a person not in the register yet, whom a given answer (with their name) registers.
     */
    public ConsentRequest requestConsent(String email, PurposeId purpose, String text, String textVersion,
                                         Actor requestedBy) {
        return requests.request(email, purpose, text, textVersion, requestedBy);
    }

    /**
     * Records the answer that came back with {@code token}. Given: the contact is updated with the
     * details sent (or registered, for an address not in the register) and a {@link Consent} is
     * recorded with basis {@code CONSENT}, the wording and version that were <em>sent</em>, the
     * answer's channel, the clock's time and the evidence reference. Refused: nothing is recorded
     * (the contact details in a refusal are not stored) but the request is closed. Either way the
     * token cannot be used again. An unknown, expired or used token fails with
     * {@code CONSENT_REQUEST_NOT_FOUND}, {@code _EXPIRED} or {@code _ANSWERED} and changes nothing.
     *
     * @return the answered request; {@link ConsentRequest#consent()} names the recorded consent
     */
    public ConsentRequest answerConsentRequest(String token, ConsentAnswer answer) {
        return requests.answer(token, answer);
    }

    /**
     * A consent request by id, read for a purpose; it holds the address it went to, so a request
     * that names a contact is recorded in the audit log as {@code consent-requests}.
     */
    public Optional<ConsentRequest> consentRequest(ConsentRequestId id, Actor actor, PurposeId purpose) {
        Optional<ConsentRequest> found = requestStore.find(Require.nonNull(id, "consent request id"));
        requireAuditable(actor, purpose);
        found.flatMap(ConsentRequest::contact).ifPresent(c -> audit(c, actor, purpose, List.of("consent-requests")));
        return found;
    }

    /**
     * Removes every consent request whose token has expired, answered or not (a given answer lives
     * on in its {@link Consent}); returns how many. Requests hold an address, so keep them no longer
     * than needed: schedule this like the retention sweep. Afterwards such a token is unknown
     * ({@code CONSENT_REQUEST_NOT_FOUND}) rather than expired.
     */
    public int purgeExpiredConsentRequests() {
        return tx(() -> requestStore.deleteExpired(clock.instant()));
    }

    /**
     * The consent requests sent to a contact, oldest first (answered ones included); the read is
     * recorded in the audit log as {@code consent-requests}.
     */
    public List<ConsentRequest> consentRequests(ContactId contact, Actor actor, PurposeId purpose) {
        stores.contacts().find(Require.nonNull(contact, "contact id"))
                .orElseThrow(() -> dev.tiketti.core.internal.Problems.contactNotFound(contact));
        audit(contact, actor, purpose, List.of("consent-requests"));
        return requestStore.forContact(contact);
    }

    // ---------------------------------------------------------------- audited reads

    /** Reads a contact's register record for a purpose; the read is recorded in the audit log. */
    public Contact readContact(ContactId contact, Actor actor, PurposeId purpose) {
        Contact found = stores.contacts().find(Require.nonNull(contact, "contact id"))
                .orElseThrow(() -> dev.tiketti.core.internal.Problems.contactNotFound(contact));
        audit(contact, actor, purpose, List.of("contact"));
        return found;
    }

    /**
     * The contact, if registered, read for a purpose; a read that finds the contact is recorded in
     * the audit log (one that finds nobody read no one's data).
     */
    public Optional<Contact> findContact(ContactId contact, Actor actor, PurposeId purpose) {
        Optional<Contact> found = stores.contacts().find(Require.nonNull(contact, "contact id"));
        requireAuditable(actor, purpose);
        found.ifPresent(c -> audit(c.id(), actor, purpose, List.of("contact")));
        return found;
    }

    /**
     * The contact with this e-mail address (any case), read for a purpose, e.g. to match the sender
     * of an incoming mail ({@code Actor.system()}); a read that finds the contact is recorded in the
     * audit log.
     */
    public Optional<Contact> findContactByEmail(String email, Actor actor, PurposeId purpose) {
        Optional<Contact> found = stores.contacts().findByEmail(Require.notBlank(email, "e-mail address"));
        requireAuditable(actor, purpose);
        found.ifPresent(c -> audit(c.id(), actor, purpose, List.of("contact")));
        return found;
    }

    /** The contact's consent records, oldest first; the read is recorded in the audit log. */
    public List<Consent> consents(ContactId contact, Actor actor, PurposeId purpose) {
        stores.contacts().find(Require.nonNull(contact, "contact id"))
                .orElseThrow(() -> dev.tiketti.core.internal.Problems.contactNotFound(contact));
        audit(contact, actor, purpose, List.of("consents"));
        return stores.consents().forContact(contact);
    }

    /** Who read the contact's data, when and why, oldest first: "who accessed contact X". */
    public List<AccessRecord> accessesTo(ContactId contact) {
        return stores.audit().forContact(Require.nonNull(contact, "contact id"));
    }

    private void audit(ContactId contact, Actor actor, PurposeId purpose, List<String> read) {
        requireAuditable(actor, purpose);
        stores.audit().append(new AccessRecord(clock.instant(), actor, contact, purpose, read));
    }

    private void requireAuditable(Actor actor, PurposeId purpose) {
        Require.nonNull(actor, "actor");
        Require.nonNull(purpose, "purpose");
        if (stores.consents().findPurpose(purpose).isEmpty()) {
            throw new TicketingException(ErrorCode.UNKNOWN_CONSENT_PURPOSE, "Purpose '" + purpose + "' is not "
                    + "registered, so a read for it cannot be justified. Registered purposes: "
                    + stores.consents().purposes().stream().map(p -> p.id().value()).sorted().toList()
                    + ". Register it with Privacy.registerPurpose(...) first.");
        }
    }

    /**
     * Everything held about the contact (right of access); recorded in the audit log as
     * {@code access-export} before it is assembled, so the export lists itself.
     */
    public AccessExport export(ContactId contact, Actor actor, PurposeId purpose) {
        Contact person = stores.contacts().find(Require.nonNull(contact, "contact id"))
                .orElseThrow(() -> dev.tiketti.core.internal.Problems.contactNotFound(contact));
        audit(contact, actor, purpose, List.of("access-export"));
        List<Ticket> own = stores.tickets().query(TicketQuery.all().requester(contact).limit(Integer.MAX_VALUE));
        List<TimelineEntry> messages = new ArrayList<>();
        Actor self = Actor.contact(contact);
        for (Ticket t : stores.tickets().query(TicketQuery.all().limit(Integer.MAX_VALUE))) {
            boolean mine = t.requester().equals(contact);
            for (TimelineEntry e : stores.tickets().timeline(t.id())) {
                if (e.author().equals(self) || (mine && e.visibility() == Visibility.PUBLIC)) {
                    messages.add(e);
                }
            }
        }
        Set<AttachmentRef> attachments = new LinkedHashSet<>();
        messages.forEach(e -> attachments.addAll(e.attachments()));
        return new AccessExport(clock.instant(), person, memberships(contact), stores.consents().forContact(contact),
                own, messages, List.copyOf(attachments), accessesTo(contact));
    }

    // ---------------------------------------------------------------- erasure and retention

    /** Erases (or resumes erasing) a contact with the configured policy. */
    public ErasureReport erase(ErasureRequest request) {
        return erase(request, policy);
    }

    /**
     * Erases a contact (right to be forgotten): hands their open tickets to a substitute, redacts
     * them from every ticket, deletes or anonymises per category, keeps what a legal basis keeps,
     * deactivates them. Running a completed request again returns its report; running a partial
     * one resumes it. Bad input (unknown contact, a substitute that is the person, inactive or
     * unknown, open tickets and no substitute) fails before anything changes. Publishes
     * {@link PrivacyEvent.ContactErased}.
     */
    public ErasureReport erase(ErasureRequest request, ErasurePolicy erasurePolicy) {
        Require.nonNull(request, "erasure request");
        Optional<ErasureReport> earlier = stores.journal().find(request.id());
        if (earlier.isEmpty() && request.source() instanceof dev.tiketti.core.privacy.ErasureSource.FromTicket t
                && stores.tickets().find(t.ticket()).isEmpty()) {
            // checked on the first run only: a DELETE policy may remove that very ticket
            throw dev.tiketti.core.internal.Problems.ticketNotFound(t.ticket());
        }
        return run(request, erasurePolicy, earlier);
    }

    private ErasureReport run(ErasureRequest request, ErasurePolicy erasurePolicy, Optional<ErasureReport> earlier) {
        boolean done = earlier.map(r -> r.status() == ErasureReport.Status.COMPLETED).orElse(false);
        ErasureReport report = erasure.erase(request, Require.nonNull(erasurePolicy, "erasure policy"));
        // pending and answered requests hold the person's address and wording; they go with the person
        int requestsRemoved = tx(() -> requestStore.deleteForContact(request.contact()));
        if (requestsRemoved > 0) {
            LOG.info("Erasure {} removed {} consent request(s) of contact {}", report.id(), requestsRemoved,
                    request.contact());
        }
        if (!done) {
            List<String> changed = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (ErasureItem i : report.items()) {
                if (i.store() == ErasureItem.Store.TICKETS && !(i.outcome() instanceof ErasureOutcome.Retained)) {
                    String key = i.item().contains("/") ? i.item().substring(0, i.item().indexOf('/')) : i.item();
                    List<String> into = i.outcome() instanceof ErasureOutcome.Deleted ? deleted : changed;
                    if (!into.contains(key)) {
                        into.add(key);
                    }
                }
            }
            publish(new PrivacyEvent.ContactErased(report.id(), request.contact(), request.requestedBy(),
                    clock.instant(), changed, deleted));
        }
        return report;
    }

    /** The journal record of an erasure. */
    public Optional<ErasureReport> erasure(ErasureId id) {
        return stores.journal().find(Require.nonNull(id, "erasure id"));
    }

    /** Every erasure in the journal, oldest first (partial ones included). */
    public List<ErasureReport> erasures() {
        return stores.journal().all();
    }

    /**
     * Runs every journaled erasure again (once per contact, the latest request), with the configured policy: after a backup
     * of the stores was restored, this erases again whom the backup brought back. The journal must
     * not have been restored with them. Returns the reports of this replay; if some contact cannot
     * be erased again, the others still are and then {@code ERASURE_INCOMPLETE} lists the failures.
     */
    public List<ErasureReport> replayErasures() {
        List<ErasureReport> out = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        java.util.Map<ContactId, ErasureReport> latest = new java.util.LinkedHashMap<>();
        stores.journal().all().forEach(r -> latest.put(r.request().contact(), r)); // once per contact
        for (ErasureReport r : latest.values()) {
            if (stores.contacts().find(r.request().contact()).isEmpty()) {
                LOG.warn("Erasure {} names contact {}, which the restored register does not hold; skipped",
                        r.id(), r.request().contact());
                continue;
            }
            ErasureRequest again = new ErasureRequest(ErasureId.random(), r.request().contact(),
                    r.request().requestedBy(), r.request().source(), r.request().substitute());
            try {
                out.add(run(again, policy, Optional.empty()));
            } catch (TicketingException e) {
                // one contact that cannot be erased again (e.g. its substitute left) must not stop the others
                LOG.warn("Replaying erasure {} of contact {} failed: {}", r.id(), r.request().contact(), e.code().id());
                failed.add(r.id() + " (" + e.code().id() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new TicketingException(ErrorCode.ERASURE_INCOMPLETE, "Replaying the erasure journal left "
                    + failed.size() + " erasure(s) unfinished: " + failed + ". The others were replayed. Fix the cause "
                    + "shown by each code (e.g. name an active substitute) and replay again.");
        }
        return out;
    }

    /**
     * Deletes or anonymises closed tickets older than their type's period. Sweeping again changes
     * nothing more; a sweep that stopped midway is finished by sweeping again. Publishes
     * {@link PrivacyEvent.RetentionSweepCompleted}.
     */
    public RetentionSweepReport sweep(List<RetentionSchedule> schedules) {
        RetentionSweepReport report = sweeper.sweep(schedules);
        List<String> anonymised = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        report.items().stream().filter(i -> i.store() == ErasureItem.Store.TICKETS).forEach(i ->
                (i.outcome() instanceof ErasureOutcome.Deleted ? deleted : anonymised).add(i.item()));
        publish(new PrivacyEvent.RetentionSweepCompleted(report.at(), anonymised, deleted));
        return report;
    }

    // ---------------------------------------------------------------- plumbing

    /** Fails with NO_LEGAL_BASIS (or CONSENT_WITHDRAWN) when the rule is on and the contact has no basis. */
    void checkBasis(ContactId contact) {
        basisRule.ifPresent(purpose -> register.requireBasis(contact, purpose));
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return stores.transactions().inTransaction(work);
    }

    /** Stages the event in a unit of work of its own (the outbox, if any), then delivers it. */
    private void publish(PrivacyEvent event) {
        dispatcher.afterCommit(tx(() -> dispatcher.stage(List.of(), List.of(), List.of(event))));
    }
}
