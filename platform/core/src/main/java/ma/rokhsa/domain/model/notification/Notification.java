package ma.rokhsa.domain.model.notification;

public record Notification(
    String channel, String recipient, String language, String subject, String body) {}
