package org.devportal.test;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.SimpleMailMessage;

/**
 * Reads what the portal sent: the messages the test SMTP server ({@link TestMailServer}) received, as simple
 * messages, so that tests can read the recipients, subjects and links in them.
 */
public final class RecordingMailSender {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail server;

    public RecordingMailSender(GreenMail server) {
        this.server = server;
    }

    /** Every message delivered to the address, oldest first. */
    public List<SimpleMailMessage> sentTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(wanted))
                .map(RecordingMailSender::simple)
                .toList();
    }

    /** The token of the last link to the given path in a message to the address. */
    public String lastToken(String address, String path) {
        String link = lastLink(address, path)
                .orElseThrow(() -> new AssertionError("No " + path + " link sent to " + address));
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** The last link to the given path in a message to the address. */
    public Optional<String> lastLink(String address, String path) {
        List<SimpleMailMessage> messages = sentTo(address);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Matcher matcher = LINK.matcher(messages.get(i).getText());
            while (matcher.find()) {
                if (matcher.group().contains(path)) {
                    return Optional.of(matcher.group());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
            return to == null
                    ? List.of()
                    : Arrays.stream(to)
                            .map(recipient ->
                                    ((InternetAddress) recipient).getAddress().toLowerCase(Locale.ROOT))
                            .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimpleMailMessage simple(MimeMessage message) {
        try {
            SimpleMailMessage simple = new SimpleMailMessage();
            simple.setFrom(((InternetAddress) message.getFrom()[0]).getAddress());
            simple.setTo(recipients(message).toArray(String[]::new));
            simple.setSubject(message.getSubject());
            simple.setText(String.valueOf(message.getContent()).replace("\r\n", "\n"));
            return simple;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
