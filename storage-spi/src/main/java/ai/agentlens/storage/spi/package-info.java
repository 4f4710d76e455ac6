/**
 * The storage SPI: {@link ai.agentlens.storage.spi.StorageProvider} (what a backend module offers)
 * and the JDBC machinery every backend shares — transactions with tenant scope, parameter binding,
 * row mapping, SQLException translation and the {@code Jdbc*} store implementations whose SQL is
 * written once. A backend adds only its {@link ai.agentlens.storage.spi.jdbc.Dialect}, its {@link
 * ai.agentlens.storage.spi.jdbc.Transactor}, its migrations and the few store methods whose SQL
 * really differs.
 */
package ai.agentlens.storage.spi;
