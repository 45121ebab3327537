/** Filing a hazard report (随手拍): the command riders send and the event that records it. */
package city.gridwhistle.api.intake;
