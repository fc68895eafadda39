package org.devportal.clients;

/** No such client for the current user: it does not exist, was deleted, or belongs to another team. */
public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException() {
        super("Not found");
    }
}
