package io.bluebird.model;

/** A file or media item carried by a message: its kind (image, video, file…) and where to fetch it. */
public record Attachment(String type, String url) {
}
