package io.bluebird.model;

/** A value of a request that the domain cannot take, and the field it came in. The HTTP edge answers 400. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
