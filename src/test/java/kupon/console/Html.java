package kupon.console;

import io.restassured.path.xml.XmlPath;

/** Reading a console page as the HTML it is: an element by its id, its text, one of its attributes. */
final class Html {

    private Html() {
    }

    static XmlPath of(String page) {
        return new XmlPath(XmlPath.CompatibilityMode.HTML, page);
    }

    static String text(String page, String id) {
        return of(page).getString("**.find { it.@id == '" + id + "' }").strip();
    }

    static String attribute(String page, String id, String name) {
        return of(page).getString("**.find { it.@id == '" + id + "' }.@" + name);
    }
}
