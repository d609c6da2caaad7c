package io.bluebird.model;

/** A file or media item carried by a message: its kind (image, video, file…) and where to fetch it. */
public record Attachment(String type, String url) {

    public Attachment {
        // as every database can store them (Nul)
        type = Nul.replaced(type);
        url = Nul.replaced(url);
    }
}
