package dev.tiketti.jpa.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The simplest connection pool there is: it keeps the physical connections it opened and hands an
 * idle one out again without checking it, as a pool does inside its validation window. So after
 * {@link #breakAll()} ends the database sessions behind them, the next unit of work gets a
 * connection that the server has already closed, which is how an operator's restart meets a
 * running host. {@link #discardDead()} drops those, as a pool's validation would.
 */
public final class BreakablePool implements DataSource {
    /** Ends every session the pool's connections have, from outside the pool. */
    @FunctionalInterface
    public interface Breaker {
        void breakSessions() throws SQLException;
    }

    private final DataSource physical;
    private final Breaker breaker;
    private final Deque<Connection> idle = new ArrayDeque<>();

    public BreakablePool(DataSource physical, Breaker breaker) {
        this.physical = physical;
        this.breaker = breaker;
    }

    /** Ends the sessions of every connection of the pool, idle or in use; the pool does not notice. */
    public void breakAll() {
        try {
            breaker.breakSessions();
        } catch (SQLException e) {
            throw new IllegalStateException("could not break the pool's sessions", e);
        }
    }

    /** Closes and forgets every idle connection, dead or alive: the next checkout opens a new one. */
    public synchronized void discardDead() {
        for (Connection c : idle) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // dead already
            }
        }
        idle.clear();
    }

    /** Opens {@code n} new connections and parks them idle, as a pool that keeps a minimum does. */
    public void warmUp(int n) {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                opened.add(physical.getConnection());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a connection", e);
        }
        synchronized (this) {
            idle.addAll(opened);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        synchronized (this) {
            c = idle.poll();
        }
        if (c == null) {
            c = physical.getConnection();
        }
        return lease(c);
    }

    private Connection lease(Connection c) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!returned[0]) {
                            returned[0] = true;
                            giveBack(c);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && returned[0]) {
                        return true;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection c) {
        boolean closed;
        try {
            closed = c.isClosed();
            if (!closed && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closed = true;
        }
        if (closed) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // dead already
            }
            return;
        }
        synchronized (this) {
            idle.push(c);
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
