package dev.tribunal.web;

import io.javalin.config.RoutesConfig;

/** The routes of one resource (arena, leaderboards, export, …), added to the app when it is created. */
@FunctionalInterface
public interface RouteGroup {
    void register(RoutesConfig routes);
}
