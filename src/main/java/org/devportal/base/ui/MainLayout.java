package org.devportal.base.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The application shell: a side navigation that lists only the views the user's roles allow, the signed-in
 * user, and sign-out.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout {

    private final AuthenticationContext authentication;

    MainLayout(AuthenticationContext authentication, java.util.List<NavbarContribution> contributions) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(header(), new Scroller(navigation()), userMenu());
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle());
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setWidthFull();
        navbar.setPadding(false);
        if (authentication.isAuthenticated()) {
            contributions.forEach(contribution -> navbar.add(contribution.create()));
        }
        addToNavbar(navbar);
    }

    private Div header() {
        Span title = new Span("Developer Portal");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Div header = new Div(title);
        header.getStyle().set("padding", "var(--lumo-space-m)");
        return header;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        // MenuConfiguration only returns the entries the current user may open.
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        if (entry.icon() != null) {
            return new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
        }
        return new SideNavItem(entry.title(), entry.path());
    }

    private VerticalLayout userMenu() {
        VerticalLayout footer = new VerticalLayout();
        footer.setPadding(true);
        footer.setSpacing(false);
        authentication.getAuthenticatedUser(OidcUser.class).ifPresent(user -> {
            String name = user.getFullName() != null ? user.getFullName() : user.getEmail();
            Avatar avatar = new Avatar(name);
            avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
            MenuBar menu = new MenuBar();
            menu.setId("user-menu");
            menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
            // The menu's button lays out its content in a row already: no layout of its own for two children.
            var root = menu.addItem(avatar);
            root.add(new Text(" " + name));
            root.getSubMenu()
                    .addItem(new Span(user.getEmail() == null ? "" : user.getEmail()))
                    .setEnabled(false);
            root.getSubMenu()
                    .addItem("Sign out", event -> authentication.logout())
                    .setId("sign-out");
            footer.add(menu);
        });
        return footer;
    }
}
