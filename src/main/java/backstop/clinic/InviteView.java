package backstop.clinic;

/** What the new-patient code page shows: the invite just made and the link that accepts it. */
public record InviteView(Invite invite, String link) {}
