package dev.fluxboot; public class Main { public static void main(String[] a){} }
