package org.devportal.review;

/** No such submission, or not one the user may see. */
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException() {
        super("This review does not exist");
    }
}
