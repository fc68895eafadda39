package org.devportal.review;

/** A reviewer tried to decide on a client of a team they belong to. */
public class FourEyesException extends RuntimeException {

    public FourEyesException() {
        super("You are a member of this client's team, so another reviewer must decide on it");
    }
}
