package kupon.rules.model;

/** Where the checkout comes from: sales channel, marketing source and campaign, shopper's IP and country. */
public final class Context {

    private final String channel;
    private final String source;
    private final String campaign;
    private final String ip;
    private final String country;

    public Context(String channel, String source, String campaign, String ip, String country) {
        this.channel = channel;
        this.source = source;
        this.campaign = campaign;
        this.ip = ip;
        this.country = country;
    }

    public String getChannel() { return channel; }
    public String getSource() { return source; }
    public String getCampaign() { return campaign; }
    public String getIp() { return ip; }
    /** The shipping country, else the customer's country; null when neither is known. */
    public String getCountry() { return country; }

    @Override
    public String toString() {
        return "Context[" + channel + ", " + source + ", " + campaign + "]";
    }
}
