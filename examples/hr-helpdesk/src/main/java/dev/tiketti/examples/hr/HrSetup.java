package dev.tiketti.examples.hr;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.sla.BusinessCalendars;
import dev.tiketti.core.sla.Escalation;
import dev.tiketti.core.sla.ReminderRule;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect.Notify.Recipient;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.core.workflow.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The HR team's process and ticket types, as a host application would define them. */
final class HrSetup {
    static final TeamId HR = TeamId.of("hr");
    static final AgentId LEAD = AgentId.of("helena");

    private HrSetup() {
    }

    /** The general HR process, built in Java. */
    static WorkflowDefinition generalWorkflow() {
        return WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("WAITING_FOR_CUSTOMER", StateCategory.WAITING)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                    .requires(Guard.actorHasRole("hr")).then(Effect.assignToActor())
                .transition("ask-customer").from("OPEN").to("WAITING_FOR_CUSTOMER")
                    .then(Effect.notify(Recipient.REQUESTER,
                            "We need more information about {key} ({subject}). Please reply to this message."))
                .transition("customer-replied").from("WAITING_FOR_CUSTOMER").to("OPEN")
                .transition("resolve").from("OPEN", "WAITING_FOR_CUSTOMER").to("RESOLVED")
                    .requires(Guard.resolutionRequired())
                    .then(Effect.notify(Recipient.REQUESTER, "{key} has been resolved. Reply if it is not."))
                .transition("close").from("RESOLVED").to("CLOSED")
                .transition("reopen").from("RESOLVED", "CLOSED").to("OPEN")
                    .then(Effect.addNote("Reopened: check the earlier resolution before replying."))
                .build();
    }

    /**
     * The HR team's promise, on the Finnish calendar (Mon-Fri 08-16, public holidays off): a first
     * answer within 4 business hours, a resolution within 3 business days; warnings at 75 % (the
     * team lead hears of it) and 90 %; at a breach the priority goes up and the lead is told.
     */
    static SlaPolicies slaPolicies() {
        return SlaPolicies.builder()
                .calendar("hr-office", BusinessCalendars.finland())
                .policy(SlaPolicy.builder("hr-standard", "hr-office")
                        .firstResponse(Duration.ofHours(4))
                        .resolution(Duration.ofHours(3 * 8))
                        .warnAt(75, Escalation.notifyTeamLead())
                        .warnAt(90)
                        .atBreach(Escalation.raisePriority(), Escalation.notifyTeamLead())
                        .build())
                .fallback("hr-standard")
                .build();
    }

    /** Matters nobody has taken for 2 business hours are brought to the team's attention (R6). */
    static ReminderRule unassignedReminder() {
        return ReminderRule.unassignedFor("unassigned-2h", Duration.ofHours(2), BusinessCalendars.finland())
                .forTeam(HR).notifyingTeam();
    }

    /** Personal matters need an identified requester (R5); this process is data, read from JSON. */
    static WorkflowDefinition personalWorkflow() {
        try (InputStream in = HrSetup.class.getResourceAsStream("/hr-personal-workflow.json")) {
            return WorkflowJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes the workflows and defines the types that are new or differ from what is stored, so
     * that a restart on the same database changes nothing; returns what it published or defined.
     */
    static List<String> define(Ticketing ticketing) {
        List<String> changed = new ArrayList<>();
        for (WorkflowDefinition draft : List.of(generalWorkflow(), personalWorkflow())) {
            Optional<WorkflowDefinition> latest = ticketing.definitions().workflow(draft.id());
            // compared as JSON, the form the definition store keeps, so that a round trip is no change
            if (latest.isEmpty() || !WorkflowJson.write(latest.get())
                    .equals(WorkflowJson.write(draft.withVersion(latest.get().version())))) {
                WorkflowDefinition published = ticketing.definitions().publishWorkflow(draft);
                changed.add("workflow " + published.id() + " v" + published.version());
            }
        }
        for (TicketType type : types()) {
            if (!ticketing.definitions().type(type.id()).equals(Optional.of(type))) {
                ticketing.definitions().defineType(type);
                changed.add("type " + type.id());
            }
        }
        return changed;
    }

    static List<TicketType> types() {
        return List.of(new TicketType("annual-leave", HR, "HR", "Annual leave question", "hr-general", List.of(
                FieldDefinition.number("leaveYear").required().min(2020).max(2100),
                FieldDefinition.number("daysRequested").min(1).max(60))),
                new TicketType("salary-certificate", HR, "HR", "Salary certificate", "hr-general",
                List.of(FieldDefinition.choice("purpose", "loan", "rental", "other").required(),
                        FieldDefinition.date("neededBy"))),
                new TicketType("employment-matter", HR, "HR", "Employment matter", "hr-personal",
                List.of(FieldDefinition.text("employeeNumber").pattern("[0-9]{6}"))));
    }
}
