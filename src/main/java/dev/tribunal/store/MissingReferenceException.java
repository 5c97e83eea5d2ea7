package dev.tribunal.store;

/** A row refers to another that does not exist (an unknown round, sample, judge, …); nothing was written. */
public final class MissingReferenceException extends StoreException {

    public MissingReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
