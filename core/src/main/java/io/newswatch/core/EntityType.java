package io.newswatch.core;

/** Kinds of named entity the gazetteer knows. */
public enum EntityType {
    COUNTRY,
    PERSON,
    ORGANIZATION,
    WEAPON,
    PLACE
}
