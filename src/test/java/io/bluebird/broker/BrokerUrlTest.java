package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerUrlTest {

    private static final String DEFAULTS = "retryInterval=100&callTimeout=5000";

    @Test
    void aPlainUrlGetsTheParameters() {
        assertThat(BrokerUrl.withDefaults("tcp://broker:61616", DEFAULTS))
                .isEqualTo("tcp://broker:61616?retryInterval=100&callTimeout=5000");
    }

    @Test
    void whatTheUrlSetsWins() {
        assertThat(BrokerUrl.withDefaults("tcp://broker:61616?callTimeout=30000&sslEnabled=true", DEFAULTS))
                .isEqualTo("tcp://broker:61616?callTimeout=30000&sslEnabled=true&retryInterval=100");
    }

    @Test
    void aUrlOfSeveralServersGetsThemOnceForAll() {
        assertThat(BrokerUrl.withDefaults("(tcp://a:61616,tcp://b:61616)", DEFAULTS))
                .isEqualTo("(tcp://a:61616,tcp://b:61616)?retryInterval=100&callTimeout=5000");
        assertThat(BrokerUrl.withDefaults("(tcp://a:61616?sslEnabled=true,tcp://b:61616)?ha=true", DEFAULTS))
                .isEqualTo("(tcp://a:61616?sslEnabled=true,tcp://b:61616)?ha=true&retryInterval=100&callTimeout=5000");
    }
}
