/**
 * The pages people use: server-rendered with Thymeleaf, in Chinese (the default) and English, with htmx for the
 * parts that change and small scripts that call the same JSON API the apps use, with the page's session.
 * One sub-package per kind of user: rider, worker, supervisor, admin.
 */
package city.gridwhistle.web.pages;
