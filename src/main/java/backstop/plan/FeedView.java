package backstop.plan;

/** What the new calendar-feed page shows: the feed's address over HTTP(S) and as a webcal link. */
public record FeedView(String https, String webcal) {}
