package dev.fluxboot.githost.gitlab;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Configuration;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.client.spi.ConnectorProvider;

/**
 * Jersey connector for gitlab4j: the JDK's {@code HttpURLConnection}, opened through
 * {@link GitLabTransport} (our proxy choice and TLS trust) instead of JVM-wide defaults.
 *
 * <p>gitlab4j builds its Jersey client itself; the only way in is its client properties. Jersey
 * instantiates this class by name from {@code jersey.config.client.connector.provider} and it
 * takes the transport from the {@link #TRANSPORT} property of the same configuration. (gitlab4j's
 * own proxy support switches to the Apache connector, which ignores a custom TLS context.)
 */
public final class GitLabConnectorProvider implements ConnectorProvider {

    /** Client property holding the {@link GitLabTransport}. */
    static final String TRANSPORT = "dev.fluxboot.githost.gitlab.transport";

    /** Instantiated by Jersey. */
    public GitLabConnectorProvider() {
    }

    @Override
    public Connector getConnector(Client client, Configuration configuration) {
        Object transport = configuration.getProperty(TRANSPORT);
        if (!(transport instanceof GitLabTransport connections)) {
            throw new IllegalStateException("GitLab client built without its transport");
        }
        return new HttpUrlConnectorProvider().connectionFactory(connections).getConnector(client, configuration);
    }
}
