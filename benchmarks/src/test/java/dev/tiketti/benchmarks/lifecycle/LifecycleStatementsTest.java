package dev.tiketti.benchmarks.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The limit must issue what Tiketti issues: one lifecycle of {@link TikettiLifecycle} and one of
 * {@link PlainJdbcLifecycle} on H2 prepare the same SQL statements in the same order (a JDBC batch
 * is prepared once). When Tiketti's statements change, this test shows the new list to copy into
 * the plain-JDBC mirror (and the counts in docs/performance.md).
 */
class LifecycleStatementsTest {

    @Test
    void plainJdbcPreparesTheStatementsTikettiPrepares() {
        try (BenchDatabase h2 = BenchDatabase.start("h2file")) {
            Recording tiketti = new Recording(h2.dataSource("tiketti"));
            List<String> byTiketti;
            try (TikettiLifecycle lifecycle = new TikettiLifecycle(tiketti.dataSource())) {
                lifecycle.run(); // first-use work (key sequence row, caches) is not part of the steady state
                byTiketti = tiketti.during(lifecycle::run);
            }
            Recording plain = new Recording(h2.dataSource("plainjdbc"));
            List<String> byPlainJdbc;
            try (PlainJdbcLifecycle lifecycle = new PlainJdbcLifecycle(plain.dataSource())) {
                lifecycle.run();
                byPlainJdbc = plain.during(lifecycle::run);
            }
            assertThat(byTiketti).as("Tiketti's statements of one lifecycle are recorded").isNotEmpty();
            assertThat(byPlainJdbc).as("statements of one lifecycle, plain JDBC vs Tiketti (%d statements)",
                    byTiketti.size()).containsExactlyElementsOf(byTiketti);
        }
    }

    /** A data source that records the SQL of every statement prepared while {@link #during} runs. */
    private static final class Recording {
        private final DataSource target;
        private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean on;

        Recording(DataSource target) {
            this.target = target;
        }

        List<String> during(Runnable work) {
            statements.clear();
            on = true;
            try {
                work.run();
            } finally {
                on = false;
            }
            return List.copyOf(statements);
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection c && method.getName().equals("getConnection")
                                ? connection(c) : result;
                    });
        }

        private Connection connection(Connection c) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (on && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            statements.add(sql.trim());
                        }
                        return invoke(c, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
