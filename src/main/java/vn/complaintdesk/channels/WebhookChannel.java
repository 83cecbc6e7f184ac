package vn.complaintdesk.channels;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.SocialNetwork;

/** The chat and social channels that hand messages over by webhook, by their name in the URL. */
public enum WebhookChannel {
    LIVE_CHAT("live-chat", Channel.LIVE_CHAT, null),
    MOBILE_APP("mobile-app", Channel.MOBILE_APP, null),
    FACEBOOK("facebook", Channel.SOCIAL, SocialNetwork.FACEBOOK),
    ZALO("zalo", Channel.SOCIAL, SocialNetwork.ZALO),
    TELEGRAM("telegram", Channel.SOCIAL, SocialNetwork.TELEGRAM);

    private final String urlName;
    private final Channel channel;
    private final SocialNetwork network;

    WebhookChannel(String urlName, Channel channel, SocialNetwork network) {
        this.urlName = urlName;
        this.channel = channel;
        this.network = network;
    }

    public String urlName() {
        return urlName;
    }

    public Channel channel() {
        return channel;
    }

    public SocialNetwork network() {
        return network;
    }

    /** {@code live-chat} and {@code LIVE_CHAT} alike. */
    public static Optional<WebhookChannel> named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(c -> c.urlName.equals(wanted)).findFirst();
    }
}
