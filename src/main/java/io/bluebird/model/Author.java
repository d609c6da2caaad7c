package io.bluebird.model;

/** Who wrote a message, as the channel knows them. */
public record Author(String id, String handle, String name, Long followers, Boolean verified) {

    public Author {
        // as every database can store them (Nul)
        id = Nul.replaced(id);
        handle = Nul.replaced(handle);
        name = Nul.replaced(name);
    }
}
