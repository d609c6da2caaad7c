package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathIdsTest {

    @Test
    void aPathIdIsPercentDecodedAndAPlusStaysAPlus() {
        assertThat(PathIds.decoded("ID%3A5783edcf-1", "id")).isEqualTo("ID:5783edcf-1");
        assertThat(PathIds.decoded("ID:5783edcf-1", "id")).isEqualTo("ID:5783edcf-1");
        assertThat(PathIds.decoded("x%3A3805104374", "id")).isEqualTo("x:3805104374");
        assertThat(PathIds.decoded("Jane%20Doe+1%C3%A9", "id")).isEqualTo("Jane Doe+1é");
    }

    @Test
    void aBrokenEncodingIsA400NamingThePathId() {
        assertThatThrownBy(() -> PathIds.decoded("ID%3", "id")).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.getStatus()).isEqualTo(400);
            assertThat(e.getResponse().field()).isEqualTo("id");
        });
    }

    @Test
    void anIdPutInAPathIsOneSegmentWhateverItHolds() {
        assertThat(PathIds.encoded("62 02/me?x=+é")).isEqualTo("62%2002%2Fme%3Fx%3D%2B%C3%A9");
        assertThat(PathIds.decoded(PathIds.encoded("62 02/me?x=+é"), "id")).isEqualTo("62 02/me?x=+é");
        assertThat(PathIds.encoded("3805104374")).isEqualTo("3805104374");
    }
}
