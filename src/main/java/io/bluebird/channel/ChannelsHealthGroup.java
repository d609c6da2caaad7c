package io.bluebird.channel;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.stereotype.Component;

/**
 * Takes the components of the {@code channels} group (management.endpoint.health.group.channels: the {@code x}
 * component) out of the overall {@code /actuator/health}: they answer at {@code /actuator/health/channels}. A channel
 * refusing the brand's authorization stops that channel's replies, which wait on their queue, while the hub still
 * takes every webhook and message: the overall status stays UP, and the channels group says DOWN and why. Spring
 * Boot aggregates every component into the overall status and has no setting to leave one out.
 */
@Component
class ChannelsHealthGroup implements HealthEndpointGroupsPostProcessor {

    static final String GROUP = "channels";

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup channels = groups.get(GROUP);
        if (channels == null) {
            return groups;
        }
        Map<String, HealthEndpointGroup> named = groups.getNames().stream()
                .collect(Collectors.toMap(Function.identity(), groups::get));
        return HealthEndpointGroups.of(new WithoutChannels(groups.getPrimary(), channels), named);
    }

    /** The overall health as Spring Boot configured it, less the components of the channels group. */
    private record WithoutChannels(HealthEndpointGroup overall, HealthEndpointGroup channels)
            implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return overall.isMember(name) && !channels.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return overall.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return overall.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return overall.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return overall.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return overall.getAdditionalPath();
        }
    }
}
