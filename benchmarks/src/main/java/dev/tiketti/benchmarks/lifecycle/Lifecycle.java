package dev.tiketti.benchmarks.lifecycle;

/**
 * One contender of {@code LifecycleBenchmark}: runs the ticket lifecycle (open or start, then three
 * transitions or task completions, each in its own transaction) and can tell whether a run finished.
 */
public interface Lifecycle extends AutoCloseable {

    /** Runs one full lifecycle; returns the id of the ticket or process instance. */
    String run();

    /** Whether the lifecycle {@code id} reached its end (ticket CLOSED with its history / process ended). */
    boolean completed(String id);

    @Override
    void close();

    /** Creates the contender {@code impl} on {@code database} (schema created or migrated). */
    static Lifecycle create(String impl, BenchDatabase database) {
        return switch (impl) {
            case "tiketti" -> new TikettiLifecycle(database.dataSource("tiketti"));
            case "tikettiOutbox" -> new TikettiLifecycle(database.dataSource("tikettioutbox"), true);
            case "plainJdbc" -> new PlainJdbcLifecycle(database.dataSource("plainjdbc"));
            case "flowable" -> new FlowableLifecycle(database.dataSource("flowable"));
            case "camunda" -> new CamundaLifecycle(database.dataSource("camunda"));
            default -> throw new IllegalArgumentException("unknown impl '" + impl
                    + "': use tiketti, tikettiOutbox, plainJdbc, flowable or camunda");
        };
    }
}
