/*********************************************************************
 * autoexec_claims.sas
 * Loaded by the SAS Workspace Server for group ACTUARIAL / CLAIMS_MI
 * Contact: mi-team@aurelis-group.eu
 *********************************************************************/
options validvarname=any compress=yes fullstimer msglevel=i;

/* Claims DB (password encoded with PROC PWENCODE) */
libname clmora oracle user=CLAIMS_SAS password="{SAS002}A762937E621D6C5E65DE16D7FD3B4A92EA0644E8"
        path=CLMPRD schema=CLAIMS readbuff=5000 dbmax_text=4000;

/* DWH - encoded password did not work with the new client, plain for now (MI-287) */
libname dwh oracle user=ACT_RESERVING password="ZT5iUDBOgLD3"
        path=DWHPRD schema=DWH;

libname mart "/sasdata/actuarial/mart";
libname fmt  "/sasdata/formats";
options fmtsearch=(fmt.formats work library);

%let smtp_pw = %sysget(SMTP_PW);
filename report email
    to=("mi-team@aurelis-group.eu")
    from="sas-batch@aurelis-group.eu"
    subject="Claims MI daily run";

%let run_date = %sysfunc(today(), yymmddn8.);
%put NOTE: autoexec_claims loaded for &sysuserid on &run_date;
