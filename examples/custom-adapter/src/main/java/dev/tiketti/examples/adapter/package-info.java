/**
 * A worked example of writing your own storage adapter: a {@code TicketStore} and a
 * {@code DefinitionStore} on plain JDBC over the host's own tables, with a {@code Transactions}
 * that binds one connection to the thread, bundled as a {@code Storage} ({@code JdbcStorage}) and
 * proven by one subclass of the testkit's {@code StorageContract}. See the module's README.md and
 * docs/storage.md, "Writing your own adapter".
 */
package dev.tiketti.examples.adapter;
